package org.zhengtong.approval.items;

import java.time.OffsetDateTime;

/** A downloadable form (申请表格) of an item: a PDF, Word or Excel file. */
public record ItemFile(long id, String fileName, String contentType, int size, OffsetDateTime uploadedAt) {}
