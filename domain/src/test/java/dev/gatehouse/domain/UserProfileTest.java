package dev.gatehouse.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserProfileTest {

    @Test
    void givenGroupsInAnyCaseAndOrder_thenTheyAreOneSortedLowerCaseSet() {
        UserProfile bob = UserProfile.of(new Username("bob")).withGroups(Set.of(new Group("Staff"), new Group("ops"), new Group("OPS.eu")));
        assertEquals(List.of("ops", "ops.eu", "staff"), bob.groups().stream().map(Group::name).toList());
        assertTrue(bob.isIn(new Group("STAFF")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "a,b", "-lead", "ünïcode", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void givenAGroupNameThatCouldNotBeJoinedWithCommas_thenItIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> new Group(name));
        assertTrue(Group.parse(name).isEmpty());
    }

    @Test
    void givenANameOrEmailThatWouldBreakAHeader_thenItIsRefused() {
        Username bob = new Username("bob");
        assertThrows(IllegalArgumentException.class, () -> new UserProfile(bob, new TreeSet<>(), Optional.of("Bob\r\nX-Evil: 1"), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new UserProfile(bob, new TreeSet<>(), Optional.empty(), Optional.of("bob@exa\nmple.com")));
        assertThrows(IllegalArgumentException.class, () -> new UserProfile(bob, new TreeSet<>(), Optional.empty(), Optional.of("not an address")));
        assertThrows(IllegalArgumentException.class, () -> new UserProfile(bob, new TreeSet<>(), Optional.of("x".repeat(101)), Optional.empty()));
        UserProfile fine = new UserProfile(bob, new TreeSet<>(), Optional.of(" Bob Stone "), Optional.of("bob@example.com"));
        assertEquals(Optional.of("Bob Stone"), fine.displayName());
        assertEquals(Optional.empty(), new UserProfile(bob, new TreeSet<>(), Optional.of("  "), Optional.of("")).displayName(), "blank is none");
    }
}
