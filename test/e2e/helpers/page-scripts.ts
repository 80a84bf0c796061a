// Code that runs in the demo page, as strings (tsx would wrap a function in helpers the page lacks).

/**
 * `deepFind(selector)`: every element matching `selector` in the page's shadow trees — the demo's
 * <calls-meeting> is kit elements inside kit elements, its <calls-room> among them.
 */
export const deepFind = `const deepFind = (selector) => {
    const found = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(selector)) found.push(element);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return found;
  };`;

/** An expression for the page's (first) <calls-room>, wherever it is; needs `deepFind`. */
export const theRoom = `deepFind('calls-room')[0]`;
