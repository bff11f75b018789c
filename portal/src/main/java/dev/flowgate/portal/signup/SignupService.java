package dev.flowgate.portal.signup;

import dev.flowgate.portal.base.security.PlatformScope;
import dev.flowgate.portal.accounts.UserAccount;
import dev.flowgate.portal.admin.PlatformAccounts;
import dev.flowgate.portal.accounts.UserAccountRepository;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.controlplane.ConfigChanges;
import dev.flowgate.portal.tenants.Tenant;
import dev.flowgate.portal.tenants.TenantService;
import dev.flowgate.portal.tokens.ManagementTokenService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a tenant, its owner and a first management token, all or nothing. */
@Service
public class SignupService {

  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 256;
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private final TenantService tenants;
  private final UserAccountRepository users;
  private final ManagementTokenService tokens;
  private final PasswordEncoder passwords;
  private final ConfigChanges configChanges;
  private final AuditTrail audit;
  private final Clock clock;
  private final PlatformAccounts platform;

  SignupService(TenantService tenants, UserAccountRepository users, ManagementTokenService tokens,
      PasswordEncoder passwords, ConfigChanges configChanges, AuditTrail audit, Clock clock, PlatformAccounts platform) {
    this.platform = platform;
    this.tenants = tenants;
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.configChanges = configChanges;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(label = PlatformScope.LABEL) // emails are unique across tenants, and the tenant is new
  public SignupResult signUp(SignupRequest request) {
    List<FieldError> errors = validate(request);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String email = request.email().strip().toLowerCase(Locale.ROOT);
    if (users.existsByEmailIgnoreCase(email) || platform.findByEmail(email).isPresent()) {
      throw new ConflictException("An account with this email already exists");
    }
    Tenant tenant = tenants.create(request.organization().strip());
    UserAccount owner = users.save(
        new UserAccount(tenant.getId(), email, passwords.encode(request.password()), "owner", clock.instant()));
    users.flush();
    var token = tokens.issue(tenant.getId(), owner.getId(), "Created at sign-up");
    configChanges.changed(tenant.getId(), "tenant", tenant.getId(), "created");

    var result = new SignupResult(
        new SignupResult.TenantView(tenant.getId(), tenant.getSlug(), tenant.getName()),
        new SignupResult.UserView(owner.getId(), owner.getEmail(), owner.getRole()),
        token.token());
    audit.record(Actor.user(tenant.getId(), owner.getId()), "tenant.created", "tenant", tenant.getId(), null,
        Map.of("tenant", result.tenant(), "user", result.user()));
    return result;
  }

  /** Every rule at once, so a form can show all its errors together. */
  public static List<FieldError> validate(SignupRequest request) {
    List<FieldError> errors = new ArrayList<>();
    String email = trimmed(request.email());
    if (email.isEmpty()) {
      errors.add(new FieldError("email", "must not be empty"));
    } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      errors.add(new FieldError("email", "must be a valid email address"));
    }
    String password = request.password() == null ? "" : request.password();
    if (password.length() < MIN_PASSWORD) {
      errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
    } else if (password.length() > MAX_PASSWORD) {
      errors.add(new FieldError("password", "must be at most " + MAX_PASSWORD + " characters"));
    }
    String organization = trimmed(request.organization());
    if (organization.length() < 2 || organization.length() > 100) {
      errors.add(new FieldError("organization", "must be between 2 and 100 characters"));
    }
    return errors;
  }

  private static String trimmed(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
