package io.oncallhq.incident.configascode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying a document changes for one kind of object. Both sides are request records in canonical form
 * (what storing them and reading them back gives), so equal objects compare equal field by field.
 */
final class OnCallDiff {

    private OnCallDiff() {
    }

    enum Action { CREATED, CHANGED, UNCHANGED, DELETED }

    /** @param fields the changed fields (only for {@code CHANGED}) */
    record Change(String kind, String id, Action action, List<FieldChange> fields) {
    }

    record FieldChange(String field, Object before, Object after) {
    }

    /**
     * @param prune whether stored objects absent from {@code desired} are deleted; otherwise they are left alone
     *              and not listed
     */
    static <T extends Record> List<Change> of(String kind, Map<String, T> stored, Map<String, T> desired,
                                              boolean prune) {
        List<Change> changes = new ArrayList<>();
        desired.forEach((id, wanted) -> {
            T current = stored.get(id);
            if (current == null) {
                changes.add(new Change(kind, id, Action.CREATED, List.of()));
            } else {
                List<FieldChange> fields = changedFields(current, wanted);
                changes.add(new Change(kind, id, fields.isEmpty() ? Action.UNCHANGED : Action.CHANGED, fields));
            }
        });
        if (prune) {
            stored.keySet().stream().filter(id -> !desired.containsKey(id))
                    .forEach(id -> changes.add(new Change(kind, id, Action.DELETED, List.of())));
        }
        return changes;
    }

    static List<FieldChange> changedFields(Record before, Record after) {
        List<FieldChange> fields = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            Object was = value(component, before);
            Object is = value(component, after);
            if (!Objects.equals(was, is)) {
                fields.add(new FieldChange(component.getName(), was, is));
            }
        }
        return fields;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }
}
