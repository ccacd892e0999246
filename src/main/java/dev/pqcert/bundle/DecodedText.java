package dev.pqcert.bundle;

/** Temporary stand-in until the bundle package lands. */
public record DecodedText(String text, String encoding, boolean hadBom) {}
