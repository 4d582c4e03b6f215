/** A sample extension: a webhook line per stored event. */
module com.example.connectx.webhook {
    requires dev.connectx.extension;
    requires java.net.http;

    provides dev.connectx.extension.EventHandler with
            com.example.connectx.webhook.EventWebhook;
}
