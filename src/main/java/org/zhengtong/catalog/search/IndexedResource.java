package org.zhengtong.catalog.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the search index holds of one information resource: the latest published version of the resource
 * with this {@code code}. One document per code; indexing it again replaces the previous one.
 *
 * @param code the resource code (资源代码), e.g. {@code 000014001/00001}
 * @param category 基础, 主题 or 部门
 * @param classification the catalogue path, e.g. {@code 人口-户籍-常住人口}
 * @param shareType 无条件共享, 有条件共享 or 不予共享
 * @param openType 开放, 有条件开放 or 不予开放
 * @param format 电子文件, 电子表格, 数据库, 图形图像, 流媒体, 自描述格式 or 服务接口
 * @param updateCycle 实时, 每日, 每周, 每月, 每季度, 每半年 or 每年
 * @param dataItems the names of the resource's data items (信息项)
 */
public record IndexedResource(
        String code,
        int version,
        String name,
        String summary,
        List<String> keywords,
        String providerCode,
        String providerName,
        String category,
        String classification,
        String shareType,
        String openType,
        String format,
        String updateCycle,
        List<String> dataItems,
        @Nullable LocalDate publishedOn) {

    public IndexedResource {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("A resource code is required");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(providerCode, "providerCode");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(shareType, "shareType");
        Objects.requireNonNull(openType, "openType");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(updateCycle, "updateCycle");
        dataItems = List.copyOf(dataItems);
    }
}
