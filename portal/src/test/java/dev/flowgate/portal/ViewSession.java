package dev.flowgate.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import dev.flowgate.portal.base.security.PortalUser;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * What a view test needs to build views in the JVM as a signed-in user: a current {@link UI} from
 * before each test to after it, and the user in the security context. Register it with
 * {@code @RegisterExtension final ViewSession session = new ViewSession();}.
 */
public final class ViewSession implements BeforeEachCallback, AfterEachCallback {

  /** Held here: Vaadin keeps the current UI only weakly, and a collected UI breaks Dialog.open. */
  private UI ui;

  @Override
  public void beforeEach(ExtensionContext context) {
    ui = new UI();
    UI.setCurrent(ui);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ui = null;
    UI.setCurrent(null);
    SecurityContextHolder.clearContext();
  }

  /** The current UI, e.g. to set its locale. */
  public UI ui() {
    return ui;
  }

  /** Makes {@code user} the signed-in user; answers it. */
  public <U extends User> U signIn(U user) {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    return user;
  }

  /** Signs in a new user of {@code tenant} with {@code role} ({@code role@example.com}). */
  public PortalUser signIn(Api.Tenant tenant, String role) {
    return signIn(new PortalUser(UUID.randomUUID(), tenant.id(), role + "@example.com", "x", role));
  }

  /** Signs out and starts a fresh UI, as a browser does before the next user signs in. */
  public void signOut() {
    SecurityContextHolder.clearContext();
    beforeEach(null);
  }

  /** The component with {@code id} in the tree under {@code root}, if any. */
  public static Optional<Component> byId(Component root, String id) {
    if (root.getId().filter(id::equals).isPresent()) {
      return Optional.of(root);
    }
    return root.getChildren().map(c -> byId(c, id)).flatMap(Optional::stream).findFirst();
  }
}
