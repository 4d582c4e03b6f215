/** A sample extension: approves pending purchase requests. */
module com.example.connectx.approve {
    requires dev.connectx.extension;

    provides dev.connectx.extension.EventHandler with
            com.example.connectx.approve.ApprovePendingPurchases;
}
