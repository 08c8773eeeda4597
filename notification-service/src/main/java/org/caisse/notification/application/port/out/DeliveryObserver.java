package org.caisse.notification.application.port.out;

import org.caisse.notification.domain.Channel;

/** Told about final outcomes (metrics). */
public interface DeliveryObserver {

    void delivered(Channel channel);

    void failed(Channel channel);

    void openDeliveries(long count);
}
