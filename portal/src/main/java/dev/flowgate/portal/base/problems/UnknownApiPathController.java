package dev.flowgate.portal.base.problems;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers a problem for API paths no controller serves; without it they would fall through to the
 * Vaadin servlet and answer an HTML page.
 */
@RestController
class UnknownApiPathController {

  @RequestMapping({"/api/**", "/internal/**"})
  void unknown(HttpServletRequest request) {
    throw new NotFoundException("resource", request.getRequestURI());
  }
}
