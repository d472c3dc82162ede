package io.oncallhq.console.signin;

import io.oncallhq.console.config.ConsoleProperties;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class SignInController {

    private final ConsoleProperties properties;

    SignInController(ConsoleProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/incidents";
    }

    /** The form (or the provider's button), with why the last attempt failed when it did. */
    @GetMapping("/sign-in")
    String signIn(HttpSession session, Model model) {
        if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException failed) {
            model.addAttribute("failure", failed.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        model.addAttribute("oidc", properties.oidc().enabled());
        model.addAttribute("oidcStart", "/oauth2/authorization/" + ConsoleSecurity.OIDC_REGISTRATION);
        return "sign-in";
    }

    /** Any method: a refused POST is forwarded here as a POST. */
    @RequestMapping("/error/forbidden")
    String forbidden() {
        return "forbidden";
    }
}
