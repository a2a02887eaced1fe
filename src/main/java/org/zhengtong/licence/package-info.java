/**
 * Electronic licences (电子证照), in the spirit of GB/T 36901–36906: licences issued by departments — mostly as the
 * result of an approved case — with a type, a number, a holder (ID number or unified social credit code), an issuer,
 * a validity and the licence's own data, sealed with the issuing department's SM2 key.
 *
 * <p>Anyone can check a licence's seal and status (valid, expired, revoked) on its public verification page, reached
 * by the QR code printed on it; departments with a grant find licences by holder, and an applicant's licences replace
 * paper materials in later applications.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "directory", "catalog"})
@NullMarked
package org.zhengtong.licence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
