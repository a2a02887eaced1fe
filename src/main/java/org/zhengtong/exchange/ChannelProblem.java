package org.zhengtong.exchange;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/**
 * Why a pull source, a dropped file or a push delivery could not go ahead: each has a stable code and a message in
 * both languages ({@code problem.<code>} in {@code messages/exchange-channels}).
 */
public final class ChannelProblem extends PlatformException {

    private ChannelProblem(String code, HttpStatus status, Object... args) {
        super("exchange." + code, status, args);
    }

    public static ChannelProblem noSource(String dataset) {
        return new ChannelProblem("no-source", HttpStatus.NOT_FOUND, dataset);
    }

    public static ChannelProblem running(String dataset) {
        return new ChannelProblem("source-running", HttpStatus.CONFLICT, dataset);
    }

    /** The department's database could not be reached or refused the account. */
    public static ChannelProblem unreachable(String detail) {
        return new ChannelProblem("source-unreachable", HttpStatus.BAD_GATEWAY, detail);
    }

    /** The query or table could not be read. */
    public static ChannelProblem queryFailed(String detail) {
        return new ChannelProblem("source-query-failed", HttpStatus.BAD_GATEWAY, detail);
    }

    /** The address leads to the hub's own database, which no source or delivery may read or write. */
    public static ChannelProblem hubDatabase() {
        return new ChannelProblem("hub-database", HttpStatus.BAD_REQUEST);
    }

    /** The rows have no column named after a key or required data item. */
    public static ChannelProblem missingItems(String dataset, String items) {
        return new ChannelProblem("source-missing-items", HttpStatus.BAD_REQUEST, dataset, items);
    }

    /** The incremental column is not among the query's columns. */
    public static ChannelProblem noIncrementalColumn(String column) {
        return new ChannelProblem("no-incremental-column", HttpStatus.BAD_REQUEST, column);
    }

    /** A file's name says neither CSV, JSON Lines nor XML. */
    public static ChannelProblem unknownFileType(String file) {
        return new ChannelProblem("unknown-file-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, file);
    }
}
