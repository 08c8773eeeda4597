package org.caisse.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.caisse.common.seal.SealAlgorithm;
import org.junit.jupiter.api.Test;

class AutomaticResponseSettingsTest {

    private static Map<String, Object> snapshotWith(Map<String, Object> notification) {
        Map<String, Object> snapshot = new HashMap<>();
        snapshot.put("merchantId", "002001000000001");
        if (notification != null) {
            snapshot.put("notification", notification);
        }
        return snapshot;
    }

    private static Map<String, Object> notification(Object url, Object keyVersion, Object algorithm, Object encoding,
            Object interfaceVersion) {
        Map<String, Object> notification = new HashMap<>();
        notification.put("automaticResponseUrl", url);
        notification.put("keyVersion", keyVersion);
        notification.put("sealAlgorithm", algorithm);
        notification.put("responseEncoding", encoding);
        notification.put("interfaceVersion", interfaceVersion);
        return notification;
    }

    @Test
    void noNotificationOrNoUrlMeansNotWanted() {
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(null)))
                .isInstanceOf(AutomaticResponseSettings.NotWanted.class);
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(notification(null, 1, null, null, null))))
                .isInstanceOf(AutomaticResponseSettings.NotWanted.class);
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(notification("  ", 1, null, null, null))))
                .isInstanceOf(AutomaticResponseSettings.NotWanted.class);
    }

    @Test
    void aCompleteNotificationIsRead() {
        var request = AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("https://shop.example/notify", 2, "HMAC-SHA-256", "base64", "HP_2.31")));
        assertThat(request).isEqualTo(new AutomaticResponseSettings.Wanted(new AutomaticResponseSettings(
                "https://shop.example/notify", 2, SealAlgorithm.HMAC_SHA_256, true, "HP_2.31")));
    }

    @Test
    void absentAlgorithmMeansLegacySha256AndAbsentVersionTheDefault() {
        var request = AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("http://localhost:9999/notify", "1", null, null, null)));
        assertThat(request).isEqualTo(new AutomaticResponseSettings.Wanted(new AutomaticResponseSettings(
                "http://localhost:9999/notify", 1, SealAlgorithm.SHA_256, false,
                AutomaticResponseSettings.DEFAULT_INTERFACE_VERSION)));
    }

    @Test
    void missingKeyVersionUnknownAlgorithmOrBadUrlCannotBeBuilt() {
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("https://shop.example/n", null, null, null, null))))
                .isInstanceOf(AutomaticResponseSettings.Unbuildable.class);
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("https://shop.example/n", 0, null, null, null))))
                .isInstanceOf(AutomaticResponseSettings.Unbuildable.class);
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("https://shop.example/n", 1, "MD5", null, null))))
                .isInstanceOf(AutomaticResponseSettings.Unbuildable.class);
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("ftp://shop.example/n", 1, null, null, null))))
                .isInstanceOf(AutomaticResponseSettings.Unbuildable.class);
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("/relative", 1, null, null, null))))
                .isInstanceOf(AutomaticResponseSettings.Unbuildable.class);
    }

    @org.junit.jupiter.api.Test
    void aUrlWithUserInfoCannotBeBuiltAndTheReasonSaysSo() {
        assertThat(AutomaticResponseSettings.fromSnapshot(snapshotWith(
                notification("https://user:pw@shop.example/n", 1, null, null, null))))
                .isEqualTo(new AutomaticResponseSettings.Unbuildable("https://user:pw@shop.example/n",
                        AutomaticResponseEndpoint.USER_INFO));
    }
}
