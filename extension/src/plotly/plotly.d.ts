// plotly.js-dist-min ships no types; the renderer narrows it to PlotlyApi.
declare module "plotly.js-dist-min";
