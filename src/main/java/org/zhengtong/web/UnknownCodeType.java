package org.zhengtong.web;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** A code check asked for a kind of code the platform does not know. */
final class UnknownCodeType extends PlatformException {

    private UnknownCodeType(String type) {
        super("codes.unknown-type", HttpStatus.NOT_FOUND, type);
    }

    static UnknownCodeType of(String type) {
        return new UnknownCodeType(type);
    }
}
