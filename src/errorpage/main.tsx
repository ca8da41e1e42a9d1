import { render } from 'preact';

render(<p>Nazar</p>, document.getElementById('app') as HTMLElement);
