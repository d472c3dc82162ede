package io.oncallhq.console.signin;

import io.oncallhq.console.config.ConsoleProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, so it shows only the buttons their role may use. */
@ControllerAdvice
class PersonOnEveryPage {

    private final SignedInPeople people;
    private final ConsoleProperties properties;

    PersonOnEveryPage(SignedInPeople people, ConsoleProperties properties) {
        this.people = people;
        this.properties = properties;
    }

    @ModelAttribute("person")
    Person person() {
        return people.current();
    }

    @ModelAttribute("refreshSeconds")
    long refreshSeconds() {
        return Math.max(1, properties.refreshInterval().toSeconds());
    }
}
