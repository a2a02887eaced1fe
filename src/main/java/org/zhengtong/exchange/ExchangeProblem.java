package org.zhengtong.exchange;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the exchange hub refused a request or a whole batch; each has a stable code and a message in both languages. */
public final class ExchangeProblem extends PlatformException {

    private ExchangeProblem(String code, HttpStatus status, Object... args) {
        super("exchange." + code, status, args);
    }

    public static ExchangeProblem unknownDataset(String code) {
        return new ExchangeProblem("unknown-dataset", HttpStatus.NOT_FOUND, code);
    }

    public static ExchangeProblem notProvider(String code, String department) {
        return new ExchangeProblem("not-provider", HttpStatus.FORBIDDEN, code, department);
    }

    public static ExchangeProblem noDepartment() {
        return new ExchangeProblem("no-department", HttpStatus.FORBIDDEN);
    }

    public static ExchangeProblem unsupportedFormat(String contentType) {
        return new ExchangeProblem("unsupported-format", HttpStatus.UNSUPPORTED_MEDIA_TYPE, contentType);
    }

    public static ExchangeProblem unsupportedCharset(String charset) {
        return new ExchangeProblem("unsupported-charset", HttpStatus.UNSUPPORTED_MEDIA_TYPE, charset);
    }

    public static ExchangeProblem tooLarge(long limitBytes) {
        return new ExchangeProblem("too-large", HttpStatus.CONTENT_TOO_LARGE, limitBytes / (1024 * 1024));
    }

    public static ExchangeProblem emptyBody() {
        return new ExchangeProblem("empty-body", HttpStatus.BAD_REQUEST);
    }

    public static ExchangeProblem headerEncoding(String charset) {
        return new ExchangeProblem("header-encoding", HttpStatus.BAD_REQUEST, charset);
    }

    public static ExchangeProblem unknownColumns(String file, String columns) {
        return new ExchangeProblem("unknown-columns", HttpStatus.BAD_REQUEST, file, columns);
    }

    public static ExchangeProblem missingColumns(String file, String columns) {
        return new ExchangeProblem("missing-columns", HttpStatus.BAD_REQUEST, file, columns);
    }

    public static ExchangeProblem duplicateColumn(String file, String column) {
        return new ExchangeProblem("duplicate-column", HttpStatus.BAD_REQUEST, file, column);
    }

    public static ExchangeProblem malformedXml(String file, long line, String detail) {
        return new ExchangeProblem("malformed-xml", HttpStatus.BAD_REQUEST, file, line, detail);
    }

    public static ExchangeProblem forgedSignature(String department) {
        return new ExchangeProblem("forged-signature", HttpStatus.BAD_REQUEST, department);
    }

    public static ExchangeProblem noNodeKey(String department) {
        return new ExchangeProblem("no-node-key", HttpStatus.BAD_REQUEST, department);
    }

    public static ExchangeProblem badSignature() {
        return new ExchangeProblem("bad-signature-header", HttpStatus.BAD_REQUEST);
    }

    public static ExchangeProblem batchInProgress(String key) {
        return new ExchangeProblem("batch-in-progress", HttpStatus.CONFLICT, key);
    }

    public static ExchangeProblem unknownBatch(long id) {
        return new ExchangeProblem("unknown-batch", HttpStatus.NOT_FOUND, id);
    }

    public static ExchangeProblem notGranted(String dataset, String department) {
        return new ExchangeProblem("not-granted", HttpStatus.FORBIDDEN, dataset, department);
    }

    public static ExchangeProblem unknownSubscription(long id) {
        return new ExchangeProblem("unknown-subscription", HttpStatus.NOT_FOUND, id);
    }

    public static ExchangeProblem notYourSubscription(long id) {
        return new ExchangeProblem("not-your-subscription", HttpStatus.FORBIDDEN, id);
    }

    public static ExchangeProblem alreadySubscribed(String dataset) {
        return new ExchangeProblem("already-subscribed", HttpStatus.CONFLICT, dataset);
    }

    public static ExchangeProblem unknownItem(String dataset, String item) {
        return new ExchangeProblem("unknown-item", HttpStatus.BAD_REQUEST, dataset, item);
    }

    public static ExchangeProblem unknownQuarantined(long id) {
        return new ExchangeProblem("unknown-quarantined", HttpStatus.NOT_FOUND, id);
    }

    public static ExchangeProblem notOpen(long id, String status) {
        return new ExchangeProblem("quarantine-not-open", HttpStatus.CONFLICT, id, status);
    }

    public static ExchangeProblem cursorAhead(long cursor, long head) {
        return new ExchangeProblem("cursor-ahead", HttpStatus.BAD_REQUEST, cursor, head);
    }

    public static ExchangeProblem storeFailed(String detail) {
        return new ExchangeProblem("store-failed", HttpStatus.SERVICE_UNAVAILABLE, detail);
    }
}
