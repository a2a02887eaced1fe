package org.zhengtong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.zhengtong.audit.AuditChainVerifier;
import org.zhengtong.audit.ChainVerification;
import org.zhengtong.approval.bench.ApprovalBench;
import org.zhengtong.basedata.bench.BaseDataBench;
import org.zhengtong.catalog.search.CatalogSearchBench;
import org.zhengtong.exchange.bench.ExchangeBench;
import org.zhengtong.shared.db.DatabaseSettings;
import org.zhengtong.shared.db.PlatformDatabase;

/**
 * Commands an operator runs beside the platform ({@code ./zt audit verify}). They open the same database the
 * platform uses (attaching to the embedded PostgreSQL if the platform is running, starting it if not) without
 * booting the web application, so they answer in seconds. Benchmarks ({@code ./zt bench catalog}) run the same
 * way, on throw-away data of their own.
 */
final class OperatorCommands {

    /** A benchmark: prints its table and figures to {@code out}, given the arguments after its name. */
    @FunctionalInterface
    interface Bench {
        int run(PrintStream out, List<String> args);
    }

    /** The benchmarks {@code bench <name> [arguments]} runs; those without arguments refuse any. */
    static final Map<String, Bench> BENCHES = Map.of(
            "catalog", (out, args) -> args.isEmpty() ? CatalogSearchBench.run(out) : noArguments("catalog"),
            "exchange", (out, args) -> args.isEmpty() ? ExchangeBench.run(out, ZhengtongApplication.class) : noArguments("exchange"),
            "basedata", (out, args) -> BaseDataBench.run(out, ZhengtongApplication.class, args),
            "approval", (out, args) -> ApprovalBench.run(out, ZhengtongApplication.class, args));

    private OperatorCommands() {}

    static int run(List<String> args) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        PrintStream out = System.out;
        if (args.equals(List.of("audit", "verify"))) {
            return verifyAudit(out);
        }
        if (!args.isEmpty() && args.getFirst().equals("bench")) {
            Bench bench = args.size() >= 2 ? BENCHES.get(args.get(1)) : null;
            if (bench == null) {
                String known = String.join(", ", BENCHES.keySet().stream().sorted().toList());
                System.err.println(args.size() == 1
                        ? "Which benchmark? ./zt bench <name>, one of: " + known
                        : "Unknown benchmark: " + String.join(" ", args.subList(1, args.size())) + " (known: " + known + ")");
                return 64;
            }
            return bench.run(out, args.subList(2, args.size()));
        }
        System.err.println("Unknown command: " + String.join(" ", args) + " (see ./zt help)");
        return 64;
    }

    private static int noArguments(String bench) {
        System.err.println("./zt bench " + bench + " takes no arguments");
        return 64;
    }

    private static int verifyAudit(PrintStream out) {
        DatabaseSettings settings = DatabaseSettings.fromSystem();
        try (PlatformDatabase db = PlatformDatabase.open(settings, 2)) {
            ChainVerification result = new AuditChainVerifier(db.dataSource()).verify();
            if (result.intact()) {
                out.println("审计链完整 / Audit chain intact: " + result.checked() + " records checked (" + db.jdbcUrl() + ")");
                return 0;
            }
            out.println("审计链已损坏 / Audit chain BROKEN at record #" + result.brokenAt() + ": " + result.problem()
                    + " — " + result.detail());
            out.println(result.checked() + " records before it are intact.");
            return 1;
        } catch (RuntimeException e) {
            System.err.println("Cannot verify the audit chain: " + e.getMessage());
            return 2;
        }
    }
}
