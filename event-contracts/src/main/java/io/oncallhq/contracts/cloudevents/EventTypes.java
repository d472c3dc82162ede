package io.oncallhq.contracts.cloudevents;

import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.EventType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Maps the stable type strings to the records of a sealed event family, and back. */
final class EventTypes {

    private static final Map<Class<?>, Map<String, Class<?>>> FAMILIES = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    static String typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type.value();
    }

    static <T extends ContractEvent> Optional<Class<? extends T>> memberOf(Class<T> family, String type) {
        @SuppressWarnings("unchecked")
        Class<? extends T> member = (Class<? extends T>) FAMILIES.computeIfAbsent(family, EventTypes::members).get(type);
        return Optional.ofNullable(member);
    }

    private static Map<String, Class<?>> members(Class<?> family) {
        Map<String, Class<?>> byType = new HashMap<>();
        collect(family, byType);
        return Map.copyOf(byType);
    }

    private static void collect(Class<?> type, Map<String, Class<?>> byType) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, byType);
            }
        } else if (type.isAnnotationPresent(EventType.class)) {
            byType.put(typeOf(type), type);
        }
    }
}
