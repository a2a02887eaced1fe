package org.zhengtong.directory.internal;

import java.io.Console;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.NewPerson;

/**
 * The first start of a new platform (首次启动). In demo mode it loads the demo city. Otherwise it creates
 * exactly one account, the platform administrator {@code admin}, whose password the operator sets: from
 * {@code ZT_ADMIN_PASSWORD}, or typed at the console. Everything else the administrator creates afterwards.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String ADMIN = "admin";

    private final DirectoryStore store;
    private final DirectoryManagement directory;
    private final DemoCity demo;
    private final Passwords passwords;
    private final Environment env;

    FirstStart(DirectoryStore store, DirectoryManagement directory, DemoCity demo, Passwords passwords, Environment env) {
        this.store = store;
        this.directory = directory;
        this.demo = demo;
        this.passwords = passwords;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.countPeopleWithRole("PLATFORM_ADMIN") > 0) {
            return;
        }
        if (env.getProperty("zt.demo", Boolean.class, false)) {
            demo.load(env.getRequiredProperty("zt.demo-password"));
            return;
        }
        String password = env.getProperty("zt.admin-password");
        if (password == null || password.isBlank()) {
            password = askOperator();
        }
        var problems = passwords.check("password", ADMIN, password);
        if (!problems.isEmpty()) {
            throw new FirstStartRefused("首次启动：平台管理员密码不符合口令策略。 First start: the platform administrator's password "
                    + "does not meet the password policy.", "Choose a password of at least " + Passwords.MIN_LENGTH
                    + " characters from three of upper case, lower case, digits and symbols, not containing 'admin', "
                    + "and give it as ZT_ADMIN_PASSWORD. 至少 10 位，含大写字母、小写字母、数字、符号中的三类，不含 admin。");
        }
        directory.createPerson(new NewPerson(ADMIN, "平台管理员", null, null, null, null));
        store.setRoles(ADMIN, Set.of("PLATFORM_ADMIN"));
        directory.setPassword(ADMIN, password, false);
        log.info("Created the platform administrator account '{}'.", ADMIN);
    }

    private static String askOperator() {
        Console console = System.console();
        if (console == null) {
            throw new FirstStartRefused("首次启动：需要设置平台管理员 admin 的密码。 First start: the platform administrator "
                    + "'admin' needs a password.", "Give it as ZT_ADMIN_PASSWORD (or run at a console to be asked), or start "
                    + "with --demo for the demo city. 请用环境变量 ZT_ADMIN_PASSWORD 设置，或在终端中启动按提示输入。");
        }
        while (true) {
            char[] first = console.readPassword("首次启动 First start — 设置平台管理员 admin 的密码 / set the password of 'admin': ");
            char[] again = console.readPassword("再输入一次 / again: ");
            if (first != null && again != null && java.util.Arrays.equals(first, again) && first.length > 0) {
                return new String(first);
            }
            console.printf("两次输入不一致 / The two entries differ.%n");
        }
    }
}
