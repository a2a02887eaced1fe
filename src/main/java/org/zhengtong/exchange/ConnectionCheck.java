package org.zhengtong.exchange;

import java.util.List;

/**
 * What testing a pull source found once the database answered: which of the query's columns become which data
 * items, which columns are left out, and which key or required items no column supplies (a run would be refused
 * until they are there).
 *
 * @param server the database's name and version, as it reports them
 */
public record ConnectionCheck(String server, List<String> matched, List<String> ignored, List<String> missing) {

    public ConnectionCheck {
        matched = List.copyOf(matched);
        ignored = List.copyOf(ignored);
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
