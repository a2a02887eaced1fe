package org.zhengtong.basedata.query;

import java.util.Set;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;

/**
 * What a department may see of one base database: the data items of its active grants on the base's resource, or
 * everything for the big-data bureau that keeps it. A personal field (and the ID number) outside the items is shown
 * masked; any other field outside them is not shown.
 */
public record Access(Base base, boolean all, Set<String> items) {

    public Access {
        items = Set.copyOf(items);
    }

    public static Access everything(Base base) {
        return new Access(base, true, Set.of());
    }

    /** Whether the department holds any grant at all on the base. */
    public boolean any() {
        return all || !items.isEmpty();
    }

    /** The field's data item is granted: shown in full. */
    public boolean full(BaseField field) {
        return all || items.contains(field.label());
    }

    /** The key's data item is granted. */
    public boolean fullKey() {
        return all || items.contains(BaseResources.keyItem(base));
    }

    /** The field is shown at all: granted, or personal and shown masked. */
    public boolean shown(BaseField field) {
        return full(field) || field.personal();
    }
}
