package org.zhengtong.directory;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the directory refused a request. Each has a stable code and a message in both languages. */
public final class DirectoryProblem extends PlatformException {

    private DirectoryProblem(String code, HttpStatus status, Object... args) {
        super("directory." + code, status, args);
    }

    public static DirectoryProblem orgUnitNotFound(String code) {
        return new DirectoryProblem("org-unit-not-found", HttpStatus.NOT_FOUND, code);
    }

    public static DirectoryProblem personNotFound(String username) {
        return new DirectoryProblem("person-not-found", HttpStatus.NOT_FOUND, username);
    }

    public static DirectoryProblem clientNotFound(String clientId) {
        return new DirectoryProblem("client-not-found", HttpStatus.NOT_FOUND, clientId);
    }

    public static DirectoryProblem threeOfficers(List<String> roles) {
        return new DirectoryProblem("three-officers", HttpStatus.CONFLICT, String.join(", ", roles));
    }

    public static DirectoryProblem importNotFound(long id) {
        return new DirectoryProblem("import-not-found", HttpStatus.NOT_FOUND, String.valueOf(id));
    }

    public static DirectoryProblem postFilled(String role) {
        return new DirectoryProblem("post-filled", HttpStatus.CONFLICT, role);
    }

    public static DirectoryProblem ownRoles() {
        return new DirectoryProblem("own-roles", HttpStatus.FORBIDDEN);
    }

    public static DirectoryProblem outOfScope(String orgUnitCode) {
        return new DirectoryProblem("out-of-scope", HttpStatus.FORBIDDEN, orgUnitCode);
    }

    public static DirectoryProblem wrongPassword() {
        return new DirectoryProblem("wrong-password", HttpStatus.BAD_REQUEST);
    }

    public static DirectoryProblem hasMembers(String code) {
        return new DirectoryProblem("org-unit-in-use", HttpStatus.CONFLICT, code);
    }

    public static DirectoryProblem applicantNotFound(String loginName) {
        return new DirectoryProblem("applicant-not-found", HttpStatus.NOT_FOUND, loginName);
    }

    public static DirectoryProblem notAnApplicant() {
        return new DirectoryProblem("not-an-applicant", HttpStatus.FORBIDDEN);
    }
}
