package org.zhengtong.exchange.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zhengtong.exchange.Dataset;

/** A dataset as the API shows it: code, name, provider and its items with their types and rules. */
final class DatasetView {

    private DatasetView() {
    }

    static Map<String, Object> of(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("provider", d.provider());
        m.put("providerName", d.providerName());
        m.put("version", d.version());
        m.put("items", d.items().stream().map(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", i.name());
            item.put("type", i.dataType().name());
            item.put("length", i.length());
            item.put("key", i.key());
            item.put("required", i.required());
            item.put("standard", i.standard() == null ? null : i.standard().name());
            return item;
        }).toList());
        return m;
    }
}
