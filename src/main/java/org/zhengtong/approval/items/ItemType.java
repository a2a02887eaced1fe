package org.zhengtong.approval.items;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a service item (事项类型), as the 权责清单 and GB/T 39554 name them: the administrative powers
 * (行政许可, 行政确认, 行政给付, 行政裁决, 行政奖励, 其他行政权力) and public services (公共服务).
 */
public enum ItemType {
    LICENSING("行政许可"),
    CONFIRMATION("行政确认"),
    BENEFIT("行政给付"),
    ADJUDICATION("行政裁决"),
    REWARD("行政奖励"),
    OTHER_POWER("其他行政权力"),
    PUBLIC_SERVICE("公共服务");

    private final String label;

    ItemType(String label) {
        this.label = label;
    }

    /** The Chinese name, as guides print it and import files may write it. */
    public String label() {
        return label;
    }

    /** The type a person or a file names, by its Chinese name or its constant. */
    public static Optional<ItemType> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(v -> v.label.equals(t) || v.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_'))
                        || v.name().replace("_", "").equalsIgnoreCase(t.replace(" ", "").toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
