import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Colours of the page's theme, read from the CSS variables so charts follow light and dark mode. */
export interface ChartTheme {
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  critical: string;
  warning: string;
  ok: string;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--rg-fg', '#1f2328'),
    muted: v('--rg-muted', '#57606a'),
    grid: v('--rg-border', '#d0d7de'),
    accent: v('--rg-accent', '#6e40c9'),
    critical: v('--rg-critical', '#d93025'),
    warning: v('--rg-warning', '#b55d00'),
    ok: v('--rg-ok', '#1a7f37'),
  };
}

/** The theme, re-read when the system switches between light and dark. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => setTheme(readTheme());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme;
}

interface Props {
  /** Builds the options for a width; called again when the theme or the builder changes. */
  options: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  label: string;
  height?: number;
}

/**
 * A uPlot chart sized to its container. uPlot draws to a canvas and is fast with thousands of
 * points; the canvas is hidden from assistive technology behind `label`, and every chart on the
 * dashboard has a table with the same numbers.
 */
export function UPlotChart({ options, data, label, height = 220 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The latest data, for a rebuild; data changes alone go through setData below.
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth);
    const chart = new uPlot({ ...options(width), width, height }, latest.current, el);
    plot.current = chart;
    const observer = new ResizeObserver(() => {
      const w = Math.max(280, el.clientWidth);
      if (w !== chart.width) chart.setSize({ width: w, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div ref={box} className="rg-chart" role="img" aria-label={label} />;
}

/** Axis styling shared by the dashboard's charts. */
export function axis(theme: ChartTheme, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    ...extra,
  };
}
