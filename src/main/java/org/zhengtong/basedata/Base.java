package org.zhengtong.basedata;

import java.util.List;

/**
 * The two keyed base databases whose fields are merged by authority: population (人口), keyed by the 18-digit ID
 * number, and legal persons (法人), keyed by the unified social credit code. Macro economy and spatial data are
 * kept by indicator, region and period, and by division, instead.
 */
public enum Base {

    PERSON("人口基础库", "Population", "id_number", "person"),
    LEGAL_PERSON("法人基础库", "Legal persons", "credit_code", "legal_person");

    private final String label;
    private final String english;
    private final String keyColumn;
    private final String table;

    Base(String label, String english, String keyColumn, String table) {
        this.label = label;
        this.english = english;
        this.keyColumn = keyColumn;
        this.table = table;
    }

    public String label() {
        return label;
    }

    public String english() {
        return english;
    }

    /** The key column of {@link #table()}. */
    public String keyColumn() {
        return keyColumn;
    }

    /** The table in schema {@code basedata} holding the current version of every subject. */
    public String table() {
        return table;
    }

    /** The fields in their stored order: {@code lineage[i]} of a row is the source batch of field i. */
    public List<BaseField> fields() {
        return this == PERSON ? List.of(PersonField.values()) : List.of(LegalPersonField.values());
    }

    public BaseField field(String name) {
        return fields().stream().filter(f -> f.column().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name + " in " + this));
    }
}
