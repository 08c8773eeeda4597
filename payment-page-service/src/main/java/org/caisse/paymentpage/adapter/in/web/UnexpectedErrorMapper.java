package org.caisse.paymentpage.adapter.in.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors become pages without internals: HTTP errors keep their status with a notice page (404 not found,
 * 403 refused, any other 4xx "request not accepted"), anything else is a 500 page.
 */
public class UnexpectedErrorMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @ServerExceptionMapper
    public Response map(Throwable error, HttpHeaders headers) {
        var locale = PageLocales.pick(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        if (error instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status == 404) {
                return PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND, locale);
            }
            if (status < 400) {
                return wae.getResponse();
            }
            if (status == 403) {
                return PageRenderer.notice(403, Views.NoticeKind.FORBIDDEN, locale);
            }
            if (status >= 400 && status < 500) {
                Response page = PageRenderer.notice(status, Views.NoticeKind.BAD_REQUEST, locale);
                if (status == 405 && wae.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
                    page.getHeaders().putSingle(HttpHeaders.ALLOW, wae.getResponse().getHeaderString(HttpHeaders.ALLOW));
                }
                return page;
            }
        }
        LOG.error("Unexpected error while serving a page", error);
        return PageRenderer.notice(500, Views.NoticeKind.UNEXPECTED, locale);
    }
}
