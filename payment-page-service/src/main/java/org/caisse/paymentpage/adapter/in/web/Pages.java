package org.caisse.paymentpage.adapter.in.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The hosted page templates ({@code templates/<name>.html}), checked at build time. */
@CheckedTemplate
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance card(Views.CardView view);

    public static native TemplateInstance ticket(Views.TicketView view);

    public static native TemplateInstance authentication(Views.AuthenticationView view);

    public static native TemplateInstance acs(Views.AuthenticationView view);

    public static native TemplateInstance autoreturn(Views.AutoReturnView view);

    public static native TemplateInstance error(Views.ErrorView view);

    public static native TemplateInstance notice(Views.NoticeView view);
}
