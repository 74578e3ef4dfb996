// CloudFront Function (cloudfront-js-2.0), viewer request, on the API's paths.
// API Gateway answers 403 to a Host that is not its own, so the origin request
// policy forwards every viewer header but Host; the council a request is for is
// chosen by the address the resident typed, so that address travels on in a
// header of our own, set here whatever the viewer sent in it.
function handler(event) {
  var request = event.request;
  request.headers["x-doorstep-host"] = {value: request.headers.host ? request.headers.host.value : ""};
  return request;
}
