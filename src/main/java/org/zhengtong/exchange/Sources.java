package org.zhengtong.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.exchange.internal.DropFolders;
import org.zhengtong.exchange.internal.JdbcSync;
import org.zhengtong.exchange.internal.JdbcTargets;
import org.zhengtong.exchange.internal.SourceSchedule;
import org.zhengtong.exchange.internal.SourceTable;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * How a provider department feeds its datasets to the hub besides pushing (接入配置): a pull source per dataset, read
 * from the department's own database on a schedule (同步策略), and a drop folder per dataset (文件交换). Only the
 * providing department configures, tests and starts its sources; each change is audited.
 */
@Service
public class Sources {

    private final ExchangeHub hub;
    private final Departments departments;
    private final SourceTable table;
    private final JdbcSync sync;
    private final DropFolders drops;
    private final AuditLog audit;

    Sources(ExchangeHub hub, Departments departments, SourceTable table, JdbcSync sync, DropFolders drops, AuditLog audit) {
        this.hub = hub;
        this.departments = departments;
        this.table = table;
        this.sync = sync;
        this.drops = drops;
        this.audit = audit;
    }

    /** A dataset the acting department provides, its pull source if configured, and its drop folder. */
    public record Provided(Dataset dataset, @Nullable Source source, Path dropFolder) {}

    /** The datasets the acting department provides, each with its source and drop folder (made if missing). */
    public List<Provided> provided() {
        String department = departments.acting().code();
        List<Dataset> datasets = hub.datasets().stream().filter(d -> d.provider().equals(department)).toList();
        Map<String, Source> sources = table.of(datasets.stream().map(Dataset::code).toList()).stream()
                .collect(Collectors.toMap(Source::dataset, Function.identity()));
        List<Provided> out = new ArrayList<>();
        for (Dataset d : datasets) {
            out.add(new Provided(d, sources.get(d.code()), drops.folder(d.code())));
        }
        return out;
    }

    /** The acting department's name, for the page's heading. */
    public String departmentName() {
        return departments.acting().name();
    }

    /** One of the acting department's datasets, with its source and drop folder. */
    public Provided provided(String code) {
        Dataset dataset = mine(code);
        return new Provided(dataset, table.find(code).orElse(null), drops.folder(code));
    }

    /** The source of one of the acting department's datasets, with its progress. */
    public Source source(String code) {
        mine(code);
        return table.find(code).orElseThrow(() -> ChannelProblem.noSource(code));
    }

    /** Sets a dataset's pull source; the next run reads from the new settings, at once or when the schedule says. */
    @Transactional
    public Source save(String code, SourceSettings s) {
        Dataset dataset = mine(code);
        Checked c = check(s);
        boolean exists = table.find(code).isPresent();
        boolean keepSecret = exists && (s.jdbcSecret() == null || s.jdbcSecret().isEmpty());
        Instant next = SourceSchedule.first(c.kind(), c.value(), c.windowInterval(), Instant.now());
        table.save(code, dataset.provider(), c.url(), blankToNull(s.jdbcUser()), s.jdbcSecret() == null || s.jdbcSecret().isEmpty() ? null : s.jdbcSecret(),
                keepSecret, c.query(), c.mode(), c.column(), c.kind(), c.value(), c.windowInterval(), s.enabled(), next,
                Actor.current().username());
        audit.record("exchange.source.save", "dataset:" + code, "%s %s%s from %s, schedule %s %s%s".formatted(c.enabled() ? "enabled" : "disabled",
                c.mode(), c.column() == null ? "" : " by " + c.column(), c.url(), c.kind(), c.value(),
                c.windowInterval() == null ? "" : " every " + c.windowInterval() + " s"));
        return table.find(code).orElseThrow();
    }

    /**
     * Connects to the database the settings name (with the saved secret if none is given) and reads the columns
     * of the query; nothing is saved and no row is read.
     */
    public ConnectionCheck test(String code, SourceSettings s) {
        Dataset dataset = mine(code);
        Checked c = check(s);
        String secret = s.jdbcSecret() == null || s.jdbcSecret().isEmpty()
                ? table.reading(code).map(SourceTable.Reading::secret).orElse(null) : s.jdbcSecret();
        try {
            ConnectionCheck check = sync.test(dataset, c.url(), blankToNull(s.jdbcUser()), secret, c.query(), c.mode(), c.column());
            audit.record("exchange.source.test", "dataset:" + code, "connected to " + c.url() + ": " + check.server());
            return check;
        } catch (ChannelProblem e) {
            audit.recordFailure(Actor.current(), "exchange.source.test", "dataset:" + code, Outcome.FAILURE, c.url() + ": " + e.code());
            throw e;
        }
    }

    /**
     * Starts a run of the dataset's source now, whether or not it is enabled; progress shows on {@link #source}.
     * Not one transaction: the run, marked as reading here, goes on in the background and must see the mark.
     */
    public Source runNow(String code) {
        Source source = source(code);
        if (source.running()) {
            throw ChannelProblem.running(code);
        }
        if (!sync.start(code)) {
            throw ChannelProblem.running(code);
        }
        audit.record("exchange.source.run", "dataset:" + code, "run started by hand");
        return table.find(code).orElseThrow();
    }

    /** The folder where the provider's systems drop files for a dataset. */
    public Path dropFolder(String code) {
        mine(code);
        return drops.folder(code);
    }

    private Dataset mine(String code) {
        Dataset dataset = hub.dataset(code);
        String department = departments.acting().code();
        if (!dataset.provider().equals(department)) {
            throw ExchangeProblem.notProvider(code, department);
        }
        return dataset;
    }

    private record Checked(String url, String query, String mode, @Nullable String column, String kind, String value,
            @Nullable Integer windowInterval, boolean enabled) {}

    private static Checked check(SourceSettings s) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = blankToNull(s.jdbcUrl());
        FieldProblem urlProblem = JdbcTargets.check("jdbcUrl", url);
        if (urlProblem != null) {
            problems.add(urlProblem);
        }
        String query = blankToNull(s.query());
        if (query == null) {
            problems.add(new FieldProblem("query", "exchange.field.query.required"));
        } else if (!JdbcTargets.TABLE.matcher(query).matches() && !JdbcSync.isQuery(query)) {
            problems.add(new FieldProblem("query", "exchange.field.query.invalid"));
        }
        String mode = s.mode() == null ? "FULL" : s.mode().strip().toUpperCase(Locale.ROOT);
        String column = blankToNull(s.incrementalColumn());
        if (!List.of("FULL", "INCREMENTAL").contains(mode)) {
            problems.add(new FieldProblem("mode", "exchange.field.sync-mode.invalid"));
        } else if (mode.equals("INCREMENTAL") && column == null) {
            problems.add(new FieldProblem("incrementalColumn", "exchange.field.incremental-column.required"));
        }
        if (column != null && (column.length() > 63 || column.contains("\u0000"))) {
            problems.add(new FieldProblem("incrementalColumn", "exchange.field.incremental-column.invalid"));
        }
        String kind = s.scheduleKind() == null ? "" : s.scheduleKind().strip().toUpperCase(Locale.ROOT);
        problems.addAll(SourceSchedule.check(kind, s.scheduleValue(), s.windowInterval()));
        InvalidInput.throwIfAny(problems);
        return new Checked(url, query, mode, mode.equals("INCREMENTAL") ? column : null, kind, java.util.Objects.requireNonNull(s.scheduleValue()).strip(),
                kind.equals("WINDOW") ? s.windowInterval() : null, s.enabled());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
