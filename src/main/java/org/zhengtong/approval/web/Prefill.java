package org.zhengtong.approval.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an item's {@code person.*} and {@code legal.*} data sources are found in the base databases' records: the
 * column of each, or the record's key itself.
 */
final class Prefill {

    private Prefill() {}

    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("person.name", "name"), Map.entry("person.gender", "gender"), Map.entry("person.birthDate", "birth_date"),
            Map.entry("person.address", "current_address"), Map.entry("person.householdAddress", "household_address"),
            Map.entry("person.household", "household_address"), Map.entry("person.maritalStatus", "marital_status"),
            Map.entry("person.education", "education"), Map.entry("person.socialInsurance", "social_insurance"),
            Map.entry("person.phone", "phone"), Map.entry("legal.name", "name"), Map.entry("legal.type", "type"),
            Map.entry("legal.legalRepresentative", "legal_representative"), Map.entry("legal.registeredCapital", "registered_capital"),
            Map.entry("legal.established", "established"), Map.entry("legal.address", "address"),
            Map.entry("legal.businessScope", "business_scope"), Map.entry("legal.status", "status"));

    /** The value of a source in the applicant's own record, or null when the base does not know it. */
    static @Nullable String value(@Nullable String source, String holderId, Map<String, String> record) {
        if (source == null) {
            return null;
        }
        if (source.equals("person.idNumber") || source.equals("legal.creditCode")) {
            return record.isEmpty() ? null : holderId;
        }
        String column = COLUMNS.get(source);
        return column == null ? null : record.get(column);
    }
}
