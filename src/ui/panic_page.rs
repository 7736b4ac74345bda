//! A panic hook that replaces the blank screen with a readable message in the page.

/// Install the hook: the message goes to the console and into a visible box at the top of the page.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&msg.clone().into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(div) = doc.create_element("div") else { return };
        div.set_id("panic");
        let _ = div.set_attribute("role", "alert");
        let _ = div.set_attribute("data-testid", "panic");
        // Text, never HTML: the message may quote user input.
        div.set_text_content(Some(&format!(
            "Backprop Lab stopped because of an internal error. Reload the page to start again. / 내부 오류로 멈췄습니다. 페이지를 새로 고치세요.\n\n{msg}"
        )));
        if let Some(body) = doc.body() {
            let _ = body.prepend_with_node_1(&div);
        }
    }));
}
