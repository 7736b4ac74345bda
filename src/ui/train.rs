//! The training step: SGD run in chunks, one chunk per animation frame, with its controls, status and two charts.

use super::num::Num;
use super::state::Lesson;
use crate::i18n::particle::fill;
use crate::i18n::{net_errors, Lang};
use crate::lesson::Step;
use crate::net::NetError;
use crate::plot::train::{draw_error_history, draw_param_history};
use crate::train::Trainer;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::collections::VecDeque;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: milliseconds, sub-millisecond resolution.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now_ms() -> f64;
}

/// The choices of steps per animation frame.
const SPEEDS: [usize; 5] = [1, 10, 100, 1000, 10_000];
const DEFAULT_SPEED: usize = 100;
/// How many steps one press of Run takes (unless paused or stopped earlier).
const DEFAULT_RUN: u64 = 10_000;
/// How many recent chart redraw times each canvas reports in `data-redraw-ms`.
const REDRAW_LOG: usize = 64;

/// The training run and its controls, in context.
#[derive(Clone, Copy)]
struct Training {
    trainer: StoredValue<Trainer>,
    /// Bumped whenever the trainer changes (at most once per frame while running); views and charts read it.
    tick: RwSignal<u64>,
    running: RwSignal<bool>,
    /// The current run loop; a scheduled frame of an older loop does nothing.
    loop_id: StoredValue<u64>,
    /// The step count at which the current run stops.
    until: StoredValue<u64>,
    speed: RwSignal<usize>,
    per_run: RwSignal<u64>,
    log: RwSignal<bool>,
    /// Milliseconds spent inside SGD steps since the last reset (for the measurements).
    compute_ms: StoredValue<f64>,
    /// When the current run started, and how long the last finished run took, in ms.
    run_started: StoredValue<f64>,
    run_ms: RwSignal<f64>,
}

impl Training {
    fn changed(&self) {
        self.tick.update(|n| *n += 1);
    }

    fn pause(&self) {
        if self.running.get_untracked() {
            self.running.set(false);
            self.run_ms.set(now_ms() - self.run_started.get_value());
        }
    }

    /// A new run from `trainer`: stopped, at step 0.
    fn restart(&self, trainer: Trainer) {
        self.pause();
        self.trainer.set_value(trainer);
        self.compute_ms.set_value(0.0);
        self.changed();
    }

    /// `steps` SGD steps at the lesson's learning rate, timed; false when the run has stopped.
    fn advance(&self, lesson: Lesson, steps: usize) -> bool {
        let lr = lesson.state.with_untracked(|s| s.lr);
        let start = now_ms();
        let done = self.trainer.try_update_value(|t| t.run(lr, steps).is_ok());
        self.compute_ms.update_value(|ms| *ms += now_ms() - start);
        self.changed();
        done == Some(true)
    }
}

/// Puts the training state in context (called once by the lab) and keeps it in step with the lesson:
/// a new example starts a new run from it, and leaving the train step pauses.
pub fn provide(lesson: Lesson) {
    let net = lesson.net.with_untracked(|(net, _)| net.clone());
    let t = Training {
        trainer: StoredValue::new(Trainer::new(net)),
        tick: RwSignal::new(0),
        running: RwSignal::new(false),
        loop_id: StoredValue::new(0),
        until: StoredValue::new(0),
        speed: RwSignal::new(DEFAULT_SPEED),
        per_run: RwSignal::new(DEFAULT_RUN),
        log: RwSignal::new(false),
        compute_ms: StoredValue::new(0.0),
        run_started: StoredValue::new(0.0),
        run_ms: RwSignal::new(0.0),
    };
    provide_context(t);
    Effect::new(move |first: Option<()>| {
        let net = lesson.net.with(|(net, _)| net.clone());
        if first.is_some() {
            untrack(|| t.restart(Trainer::new(net)));
        }
    });
    Effect::new(move |_| {
        if lesson.state.with(|s| s.step) != Step::Train {
            untrack(|| t.pause());
        }
    });
}

/// Starts a run of `per_run` steps: one chunk of `speed` steps per animation frame.
fn run(t: Training, lesson: Lesson) {
    if t.running.get_untracked() || t.trainer.with_value(|tr| tr.stopped().is_some()) {
        return;
    }
    let id = t.loop_id.get_value() + 1;
    t.loop_id.set_value(id);
    t.until
        .set_value(t.trainer.with_value(|tr| tr.steps()) + t.per_run.get_untracked());
    t.run_started.set_value(now_ms());
    t.running.set(true);
    request_animation_frame(move || frame(t, lesson, id));
}

/// One animation frame of a run: a chunk of steps, then the next frame unless the run is over.
fn frame(t: Training, lesson: Lesson, id: u64) {
    let current = t.running.try_get_untracked() == Some(true) && t.loop_id.try_get_value() == Some(id);
    if !current || lesson.state.try_with_untracked(|s| s.step) != Some(Step::Train) {
        return;
    }
    let left = t
        .until
        .get_value()
        .saturating_sub(t.trainer.with_value(|tr| tr.steps()));
    let chunk = (t.speed.get_untracked() as u64).min(left) as usize;
    let ok = t.advance(lesson, chunk);
    if !ok || chunk as u64 == left {
        t.pause();
    } else {
        request_animation_frame(move || frame(t, lesson, id));
    }
}

/// A number as a field shows it: scientific far from 1 (so 1e100 is not a hundred digits long).
fn field_text(v: f64) -> String {
    if v != 0.0 && !(1e-4..1e6).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// The stop message: which value would not have been finite, without printing "NaN" or "inf".
fn stop_message(lang: Lang, e: &NetError) -> String {
    let s = lang.strings();
    match e {
        NetError::Diverged { step, name, value } => {
            let text = s.train_diverged.replace("{step}", &step.to_string());
            fill(
                &fill(&text, "{name}", name),
                "{value}",
                &net_errors::not_finite(lang, *value),
            )
        }
        other => s.train_stopped.replace("{what}", &net_errors::message(lang, other)),
    }
}

/// Controls and status, in the step panel.
#[component]
pub fn TrainView() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let t = expect_context::<Training>();
    let strings = move || lesson.lang.get().strings();
    let read = move |f: fn(&Trainer) -> f64| {
        t.tick.track();
        t.trainer.with_value(f)
    };
    let stopped = move || {
        t.tick.track();
        t.trainer.with_value(|tr| tr.stopped().cloned())
    };
    let running = move || t.running.get();
    let on_step = move |_| {
        t.pause();
        t.advance(lesson, 1);
    };
    let on_reset = move |_| {
        let fresh = t.trainer.with_value(|tr| {
            let mut fresh = tr.clone();
            fresh.reset();
            fresh
        });
        t.restart(fresh);
    };
    let on_apply = move |_| {
        t.pause();
        let example = t.trainer.with_value(|tr| tr.net().example());
        lesson.state.update(|s| s.example = example);
    };
    let on_speed = move |ev: leptos::ev::Event| {
        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
            t.speed.set(v);
        }
    };
    let on_per_run = move |ev: leptos::ev::Event| {
        if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
            if v > 0 {
                t.per_run.set(v);
            }
        }
    };
    let on_lr = move |ev: leptos::ev::Event| {
        // The same reading as the parameters panel's lr field (a refused value is ignored here).
        if let Ok(v) = crate::value::parse(crate::value::Kind::Lr, &event_target_value(&ev)) {
            lesson.state.update(|s| s.lr = v.value);
        }
    };
    let speeds = SPEEDS
        .into_iter()
        .map(|n| view! { <option value=n.to_string() selected=move || t.speed.get() == n>{n.to_string()}</option> })
        .collect_view();
    let lr = move || lesson.state.with(|s| s.lr);
    let rises = move || {
        let n = read(|tr| tr.rises() as f64);
        (n > 0.0).then(|| {
            let text = strings().train_rises.replace("{n}", &n.to_string());
            view! { <p class="explain" data-testid="train-rises" data-value=n.to_string()>{text}</p> }
        })
    };
    let message = move || {
        stopped().map(|e| {
            view! { <p class="warning" role="alert" data-testid="train-message">{stop_message(lesson.lang.get(), &e)}</p> }
        })
    };
    view! {
        <div class="train" data-testid="train-status" data-running=move || running().to_string()
            data-compute-ms=move || { t.tick.track(); t.compute_ms.get_value().to_string() }
            data-run-ms=move || t.run_ms.get().to_string()
            data-history-points=move || read(|tr| tr.history().samples().len() as f64).to_string()>
            <div class="train-buttons" role="group">
                <button class="action" data-testid="train-run" on:click=move |_| run(t, lesson)
                    disabled=move || running() || stopped().is_some()>{lesson.text(|s| s.train_run)}</button>
                <button class="action" data-testid="train-pause" on:click=move |_| t.pause()
                    disabled=move || !running()>{lesson.text(|s| s.train_pause)}</button>
                <button class="action" data-testid="train-step" on:click=on_step
                    disabled=move || stopped().is_some()>{lesson.text(|s| s.train_step)}</button>
                <button class="action" data-testid="train-reset" on:click=on_reset>{lesson.text(|s| s.train_reset)}</button>
            </div>
            <dl class="train-numbers">
                <div><dt>{lesson.text(|s| s.train_steps)}</dt><dd>{move || view! { <Num id="train-steps" value=read(|tr| tr.steps() as f64) /> }}</dd></div>
                <div><dt>{lesson.text(|s| s.train_error)}</dt><dd>{move || view! { <Num id="train-error" value=read(Trainer::error) /> }}</dd></div>
            </dl>
            {message}
            {rises}
            <div class="train-settings">
                <label class="field">
                    <span>{lesson.text(|s| s.train_speed)}</span>
                    <select data-testid="train-speed" on:change=on_speed>{speeds}</select>
                </label>
                <label class="field">
                    <span>{lesson.text(|s| s.train_goal)}</span>
                    <input type="number" data-testid="train-goal" min="1" step="1" inputmode="numeric"
                        prop:value=move || t.per_run.get().to_string() data-value=move || t.per_run.get().to_string()
                        on:change=on_per_run />
                </label>
                <label class="field">
                    <span>{lesson.text(|s| s.train_lr)}</span>
                    <input type="number" data-testid="train-lr" min="0" step="any" inputmode="decimal"
                        prop:value=move || field_text(lr()) data-value=move || lr().to_string() on:change=on_lr />
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="train-log" prop:checked=move || t.log.get()
                        on:change=move |ev| t.log.set(event_target_checked(&ev)) />
                    {lesson.text(|s| s.train_log)}
                </label>
            </div>
            <button class="link" data-testid="train-apply" on:click=on_apply
                disabled=move || read(|tr| tr.steps() as f64) == 0.0>{lesson.text(|s| s.train_apply)}</button>
        </div>
    }
}

/// Keeps the last [`REDRAW_LOG`] redraw times and writes them to the canvas as `data-redraw-ms`.
fn log_redraw(el: &web_sys::HtmlCanvasElement, times: StoredValue<VecDeque<f64>>, ms: f64) {
    times.update_value(|q| {
        if q.len() == REDRAW_LOG {
            q.pop_front();
        }
        q.push_back(ms);
    });
    let list = times.with_value(|q| q.iter().map(f64::to_string).collect::<Vec<_>>().join(" "));
    let _ = el.set_attribute("data-redraw-ms", &list);
}

/// The charts, under the diagram; only on the train step.
#[component]
pub fn TrainCharts() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let on_train = move || lesson.state.with(|s| s.step == Step::Train);
    view! {
        <Show when=on_train>
            <Charts />
        </Show>
    }
}

/// The error chart and the parameter chart, redrawn when the run changes (at most once per frame).
#[component]
fn Charts() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let t = expect_context::<Training>();
    let strings = move || lesson.lang.get().strings();
    let error_canvas = NodeRef::<Canvas>::new();
    let param_canvas = NodeRef::<Canvas>::new();
    let error_times = StoredValue::new(VecDeque::with_capacity(REDRAW_LOG));
    let param_times = StoredValue::new(VecDeque::with_capacity(REDRAW_LOG));
    Effect::new(move |_| {
        t.tick.track();
        super::canvas::track();
        let log = t.log.get();
        let axis = strings().train_step_axis;
        let (Some(error_el), Some(param_el)) = (error_canvas.get(), param_canvas.get()) else {
            return;
        };
        let error_el = super::canvas::fit(&error_el, 760.0 / 230.0, 200);
        let param_el = super::canvas::fit(&param_el, 760.0 / 260.0, 230);
        let series = t.trainer.with_value(Trainer::series);
        let start = now_ms();
        if let Some(backend) = CanvasBackend::with_canvas_object(error_el.clone()) {
            let log = log.then(|| strings().train_log_axis);
            let _ = draw_error_history(&backend.into_drawing_area(), &series, log, axis);
        }
        let mid = now_ms();
        if let Some(backend) = CanvasBackend::with_canvas_object(param_el.clone()) {
            let _ = draw_param_history(&backend.into_drawing_area(), &series, axis);
        }
        let end = now_ms();
        log_redraw(&error_el, error_times, mid - start);
        log_redraw(&param_el, param_times, end - mid);
    });
    // Practice mode: E before any step is what the errors step asks.
    let practice = use_context::<super::practice::Practice>();
    let summary = move || {
        t.tick.track();
        t.trainer.with_value(|tr| {
            let e = tr.error();
            let e = match practice.is_some_and(|p| p.blanks(e)) {
                true => "?".to_owned(),
                false => format!("{e:.6}"),
            };
            format!("E = {e}, {} {}", strings().train_steps, tr.steps())
        })
    };
    view! {
        <figure class="chart train-chart">
            <canvas node_ref=error_canvas data-testid="train-error-chart" width="760" height="230" role="img"
                aria-label=summary></canvas>
            <figcaption>{lesson.text(|s| s.train_error_caption)}</figcaption>
        </figure>
        <figure class="chart train-chart">
            <canvas node_ref=param_canvas data-testid="train-param-chart" width="760" height="260" role="img"
                aria-label=move || strings().train_param_caption></canvas>
            <figcaption>{lesson.text(|s| s.train_param_caption)}</figcaption>
        </figure>
    }
}
