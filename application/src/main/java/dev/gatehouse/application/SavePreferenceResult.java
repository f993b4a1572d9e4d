package dev.gatehouse.application;

/** How saving a value into one's session ends; an enum, handled by switch expressions, which must name every case. */
public enum SavePreferenceResult { SAVED, NOT_LOGGED_IN, FORM_EXPIRED, INVALID }
