package org.zhengtong.directory;

import org.zhengtong.shared.IdCardNumber;

/**
 * An applicant (申请人): a citizen or an enterprise with an account on the public side of the platform (外网用户),
 * who applies for services online and follows their cases. Not a member of staff: an applicant holds no role but
 * APPLICANT and belongs to no org unit.
 *
 * <p>{@code holderId} is the holder's ID number or credit code; {@code name} is the citizen's name or the
 * enterprise's name. {@code locked} is true while the security administrator has locked the account or too many
 * wrong passwords keep it shut.
 */
public record Applicant(long id, String loginName, ApplicantKind kind, String holderId, String name, String phone, boolean locked) {

    /**
     * The holder id as lists and pages show it: an ID number is personal data, so its birth date and sequence are
     * hidden; a credit code is printed on every business licence and is shown in full.
     */
    public String maskedHolderId() {
        return kind == ApplicantKind.PERSON ? new IdCardNumber(holderId).masked() : holderId;
    }

    /** The phone number with its middle four digits hidden. */
    public String maskedPhone() {
        return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : phone;
    }
}
