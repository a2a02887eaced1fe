package org.zhengtong.basedata;

/**
 * A field of a base database: its column, its names in Chinese and English, its type, whether it is personal data
 * (masked unless a grant covers it in full), and the department authoritative for it until the platform admin
 * changes the authority table.
 */
public interface BaseField {

    enum Type { TEXT, DATE, NUMBER }

    Base base();

    /** The column in the base's table, also the field's name in the API. */
    String column();

    /** The Chinese name, which is also the data item's name in the base's catalog resource. */
    String label();

    String english();

    Type type();

    /** Personal data: shown masked unless the viewer's grant covers the item in full. */
    boolean personal();

    /** The index of this field in {@link Base#fields()} and in a row's lineage array. */
    int ordinal();
}
