package org.zhengtong.approval.items;

import org.jspecify.annotations.Nullable;

/**
 * A field of the item's online application form (申请表单): its name, label, type ({@code text}, {@code number},
 * {@code date} or {@code select}), whether it must be filled, and where a known value comes from to pre-fill it
 * ({@code prefill}, e.g. {@code person.name} or {@code legal.legalRepresentative}; see {@link DataSources}).
 */
public record FormField(String name, String label, String type, boolean required, @Nullable String prefill) {

    public static final java.util.List<String> TYPES = java.util.List.of("text", "number", "date", "select");
}
