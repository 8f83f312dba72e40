package org.scipionj.web.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.scipionj.api.project.ProjectService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the workflow template form ({@link TemplateForm}) at {@code /templates} on the Jakarta Servlet Whiteboard
 * (more specific than {@link ScipionServlet}'s "/"). Templates come from {@code -Dscipion.workflows} and
 * {@code scipion.home/workflows}; the admin token is the server's. The form body is read here, before the container
 * could parse it, so the same code serves tests. Thread-safe.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/templates", "/templates/*"})
@HttpWhiteboardServletName("scipion-templates")
public final class TemplateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient TemplateForm form;

    @Activate
    public TemplateServlet(BundleContext context, @Reference ProjectService projects) {
        this(new TemplateForm(projects, new AdminToken(ServerInfo.runtimeDir(projects)),
                TemplateCatalog.of(context.getProperty(TemplateCatalog.FOLDERS_PROPERTY),
                        context.getProperty("scipion.home")), System::getenv, LocalDateTime::now));
    }

    TemplateServlet(TemplateForm form) {
        this.form = form;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebReply reply = form.handle(request(req));
        ScipionServlet.write(reply, req.getMethod().equals("HEAD"), resp);
    }

    /** The request with its raw body (never parsed by the container) and its query string decoded here. */
    static WebRequest request(HttpServletRequest req) throws IOException {
        String body = "";
        if (req.getMethod().equals("POST")) {
            body = new String(req.getInputStream().readNBytes(ScipionServlet.MAX_BODY), StandardCharsets.UTF_8);
        }
        Map<String, String> query = new HashMap<>();
        String q = req.getQueryString();
        if (q != null) {
            for (String kv : q.split("&")) {
                String[] x = kv.split("=", 2);
                try {
                    query.putIfAbsent(URLDecoder.decode(x[0], StandardCharsets.UTF_8),
                            x.length > 1 ? URLDecoder.decode(x[1], StandardCharsets.UTF_8) : "");
                } catch (IllegalArgumentException e) {
                    // NB: a malformed query parameter is ignored; the form reads none
                }
            }
        }
        String path = req.getRequestURI();
        String context = req.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return new WebRequest(req.getMethod(), path, query, req.getHeader("Authorization"), body);
    }
}
