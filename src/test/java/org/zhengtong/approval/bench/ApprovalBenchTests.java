package org.zhengtong.approval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhengtong.ZhengtongApplication;

/**
 * {@code ./zt bench approval} works end to end on its smallest run: the platform starts in-process, a hundred cases
 * go from submission to sealed licence, the board renders over 100,000 running clocks, and every check holds. It
 * times nothing it asserts: the figures belong to the benchmark, run on its own.
 */
class ApprovalBenchTests {

    @Test
    void aSmallRunPassesEveryCheckAndEndsWithItsFiguresAsJson() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = ApprovalBench.run(new PrintStream(printed, true, StandardCharsets.UTF_8), ZhengtongApplication.class, List.of("100"));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isIn(0, 1);
        String[] lines = output.strip().split("\n");
        String json = lines[lines.length - 1];
        assertThat(json).startsWith("{\"bench\":\"approval\"").endsWith("}")
                .contains("\"checks_passed\":true", "\"cases\":100", "\"licences\":100", "\"running_cases\":100000");
        assertThat(output).contains("一网通办基准 / one-stop approval benchmark", "board page render");
    }

    @Test
    void aCaseCountOutOfRangeIsRefusedBeforeAnythingStarts() {
        assertThat(ApprovalBench.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), ZhengtongApplication.class,
                List.of("many"))).isEqualTo(64);
        assertThat(ApprovalBench.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), ZhengtongApplication.class,
                List.of("10"))).isEqualTo(64);
    }
}
