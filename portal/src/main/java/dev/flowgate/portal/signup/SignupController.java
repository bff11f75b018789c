package dev.flowgate.portal.signup;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/signup}: anonymous; answers the new tenant, user and management token. */
@RestController
class SignupController {

  private final SignupService signups;

  SignupController(SignupService signups) {
    this.signups = signups;
  }

  @PostMapping("/api/v1/signup")
  @ResponseStatus(HttpStatus.CREATED)
  SignupResult signUp(@RequestBody SignupRequest request) {
    return signups.signUp(request);
  }
}
