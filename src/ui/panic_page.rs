//! A panic hook that replaces the blank screen with a readable message in the page.

/// Install the hook: the message goes to the console and into a visible box at the top of the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Puts `detail` in an alert box at the top of the page, as text (never HTML: it may quote input).
pub fn show(detail: &str) {
    web_sys::console::error_1(&detail.into());
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(div) = doc.create_element("div") else { return };
    div.set_id("panic");
    let _ = div.set_attribute("role", "alert");
    let _ = div.set_attribute("data-testid", "panic");
    div.set_text_content(Some(&format!(
        "Backprop Lab stopped because of an internal error; reload the page to start again.\n\
         내부 오류로 멈췄습니다. 페이지를 새로 고치면 다시 시작합니다.\n\n{detail}"
    )));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}
