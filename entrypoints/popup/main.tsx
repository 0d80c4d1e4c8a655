import { render } from 'preact';

render(<main><h1>DocSpace TFA</h1></main>, document.getElementById('app')!);
