/* Ribbon commands. They run in the shared runtime, next to the task pane and the functions. */

function completeEvent(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate("uploadBom", async (event: Office.AddinCommands.Event) => {
    await Office.addin.showAsTaskpane();
    completeEvent(event);
  });
  Office.actions.associate("refreshLookups", (event: Office.AddinCommands.Event) => {
    completeEvent(event);
  });
});
