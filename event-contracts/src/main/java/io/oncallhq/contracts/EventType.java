package io.oncallhq.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable CloudEvents {@code type} of an event record, such as {@code incident.acknowledged.v1}.
 * The wire name never follows a class rename; a change that breaks a consumer gets a new version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
