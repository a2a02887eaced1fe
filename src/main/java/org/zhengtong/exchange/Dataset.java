package org.zhengtong.exchange;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.DataItem;

/**
 * A dataset (数据集): a published catalog resource shared as 库表 or 文件. Its data items are its schema; records
 * are keyed by the items marked as keys, in their catalog order.
 *
 * @param version the catalog version whose data items are the schema
 */
public record Dataset(String code, String name, String provider, String providerName, int version, List<DataItem> items) {

    public Dataset {
        items = List.copyOf(items);
    }

    /** The positions of the key items; a dataset without marked keys is keyed by its first item. */
    public int[] keyPositions() {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key()) {
                keys.add(i);
            }
        }
        return keys.isEmpty() ? new int[] {0} : keys.stream().mapToInt(Integer::intValue).toArray();
    }

    public int position(String itemName) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).name().equals(itemName)) {
                return i;
            }
        }
        return -1;
    }

    public @Nullable DataItem item(String itemName) {
        int p = position(itemName);
        return p < 0 ? null : items.get(p);
    }

    public List<String> itemNames() {
        return items.stream().map(DataItem::name).toList();
    }
}
