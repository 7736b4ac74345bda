//! The part of wasm-streams' API that server_fn 0.8 names (`ReadableStream::from_raw`,
//! `from_stream`, `into_raw`, `into_stream`), without the exported JS classes behind it: see
//! Cargo.toml. Only server functions with streaming bodies would use it, and this app has no
//! server functions, so the two conversions that would need those classes are never reached.

use futures_util::Stream;
use wasm_bindgen::JsValue;

/// A web `ReadableStream`, as wasm-streams' type of the same name.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Never reached here (streaming server-function requests only).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unimplemented!("wasm-streams stand-in: streaming server functions are not supported")
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Never reached here (streaming server-function responses only).
    pub fn into_stream(self) -> futures_util::stream::Empty<Result<JsValue, JsValue>> {
        unimplemented!("wasm-streams stand-in: streaming server functions are not supported")
    }
}
