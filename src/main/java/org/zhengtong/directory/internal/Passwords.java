package org.zhengtong.directory.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.zhengtong.shared.FieldProblem;

/**
 * The password policy (口令策略): at least 10 characters, from at least three of upper-case letters,
 * lower-case letters, digits and symbols, and not containing the username. Temporary passwords issued by the
 * security administrator satisfy it and must be changed at the next sign-in.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=-";

    private final SecureRandom random = new SecureRandom();

    public List<FieldProblem> check(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add(new FieldProblem(field, "directory.password.too-short", MIN_LENGTH));
        } else if (password.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "directory.password.too-long", MAX_LENGTH));
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            problems.add(new FieldProblem(field, "directory.password.too-simple"));
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "directory.password.contains-username"));
        }
        return problems;
    }

    public String temporary() {
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        StringBuilder s = new StringBuilder();
        for (String set : new String[] {UPPER, LOWER, DIGITS, SYMBOLS}) {
            s.append(set.charAt(random.nextInt(set.length())));
        }
        while (s.length() < 14) {
            s.append(all.charAt(random.nextInt(all.length())));
        }
        for (int i = s.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = s.charAt(i);
            s.setCharAt(i, s.charAt(j));
            s.setCharAt(j, c);
        }
        return s.toString();
    }
}
