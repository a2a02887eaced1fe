package org.zhengtong.exchange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zhengtong.ZhengtongApplication;

/**
 * {@code ./zt bench exchange} works end to end on a small plan: the platform starts in-process, the records go
 * through the hub over HTTP, and every check holds. It times nothing that it asserts: the figures belong to the
 * benchmark, run on its own.
 */
class ExchangeBenchTests {

    @Test
    void aSmallRunPassesEveryCheckAndEndsWithItsFiguresAsJson() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = ExchangeBench.run(new PrintStream(printed, true, StandardCharsets.UTF_8), ZhengtongApplication.class,
                new ExchangeBench.Plan(12_000, 5_000, 2_000, 3_000, 2_000));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).as(output).isIn(0, 1);
        String[] lines = output.strip().split("\n");
        String json = lines[lines.length - 1];
        assertThat(json).startsWith("{\"bench\":\"exchange\"").endsWith("}").contains("\"checks_passed\":true", "\"records\":12000",
                "\"received\":12000");
        assertThat(output).contains("端到端 end to end", "拉取 pull rsj-system", "拉取 pull mzj-system", "拉取 pull jyj-system");
    }
}
