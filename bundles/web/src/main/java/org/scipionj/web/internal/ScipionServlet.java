package org.scipionj.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.scipionj.api.project.ProjectService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web server's one servlet, registered on the Jakarta Servlet Whiteboard as the default servlet ("/"), so
 * any more specific servlet another bundle registers wins: {@code /api/...} goes to {@link WebApi}, the rest
 * to {@link Pages}. Admin actions check the token of {@code USER_DATA/runtime/admin.token}. Thread-safe.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("scipion-web")
public final class ScipionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BODY = 1 << 20;

    private final transient WebFront front;

    @Activate
    public ScipionServlet(@Reference ProjectService projects) {
        this.front = new WebFront(projects);
    }

    @Deactivate
    void close() {
        front.close();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebRequest request = request(req);
        WebReply reply = answer(request);
        write(reply, req.getMethod().equals("HEAD"), resp);
    }

    WebReply answer(WebRequest request) {
        return front.answer(request);
    }

    static WebRequest request(HttpServletRequest req) throws IOException {
        Map<String, String> query = new HashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                query.put(k, v[0]);
            }
        });
        String body = "";
        if (req.getMethod().equals("POST")) {
            byte[] b = req.getInputStream().readNBytes(MAX_BODY);
            body = new String(b, StandardCharsets.UTF_8);
        }
        String path = req.getRequestURI();
        String context = req.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return new WebRequest(req.getMethod(), path, query, req.getHeader("Authorization"), body);
    }

    static void write(WebReply reply, boolean head, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
        if (reply.status() == 302) {
            resp.sendRedirect(reply.text());
            return;
        }
        if (reply.status() == 303) { // NB: after a POST (form, wizard): the browser GETs the new location
            resp.setStatus(303);
            resp.setHeader("Location", reply.text());
            return;
        }
        resp.setStatus(reply.status());
        resp.setContentType(reply.contentType());
        if (reply.file() != null) {
            resp.setContentLengthLong(Files.size(reply.file()));
            if (!head) {
                try (OutputStream out = resp.getOutputStream()) {
                    Files.copy(reply.file(), out);
                }
            }
            return;
        }
        resp.setContentLength(reply.body().length);
        if (!head) {
            try (OutputStream out = resp.getOutputStream()) {
                out.write(reply.body());
            }
        }
    }
}
