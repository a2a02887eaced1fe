package org.zhengtong;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Zhengtong (政通), the unified e-government platform: one application holding every module. Started with
 * no arguments (or Spring options) it serves the platform; with an operator command ({@code audit verify})
 * it runs that command against the platform's database and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhengtongApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(OperatorCommands.run(Arrays.asList(args)));
        }
        SpringApplication.run(ZhengtongApplication.class, args);
    }
}
